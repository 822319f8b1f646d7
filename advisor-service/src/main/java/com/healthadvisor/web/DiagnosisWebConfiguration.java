package com.healthadvisor.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Diagnoses leave in the negotiated format through their own converter, and are timed on their way. */
@Configuration(proxyBeanMethods = false)
class DiagnosisWebConfiguration implements WebMvcConfigurer {

    private final AdvisorMeters meters;

    DiagnosisWebConfiguration(AdvisorMeters meters) {
        this.meters = meters;
    }

    /** Custom converters come before the defaults, so Jackson never writes a {@link DiagnosisReport} itself. */
    @Bean
    ServerHttpMessageConvertersCustomizer diagnosisReports() {
        return converters -> converters.addCustomConverter(new DiagnosisReportConverter());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new DiagnosisTiming(meters)).addPathPatterns("/api/v1/diagnoses");
    }
}
