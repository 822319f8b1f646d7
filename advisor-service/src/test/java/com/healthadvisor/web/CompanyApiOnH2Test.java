package com.healthadvisor.web;

/** The company memory over HTTP on the embedded H2 file the service uses by default (the shared service's). */
class CompanyApiOnH2Test extends CompanyApiContract {
}
