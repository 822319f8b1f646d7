package com.healthadvisor.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.Arrays;
import java.util.Map;

/**
 * A Spring Boot web application with nothing of the advisor's: Tomcat, Spring MVC, Jackson and Actuator, as Spring
 * Boot configures them, one handler that reads the snapshot as JSON and answers as many bytes as a diagnosis. The
 * bench runs it in a JVM of its own on those jars alone ({@link BareSpringBootFloor}): its start-up and its requests
 * per second are what this machine allows any service of this stack, before the advisor does anything.
 * <p>
 * Not a {@code @Configuration}: the service's component scan covers this package in its tests, and must not find a
 * second application here. The handler is registered by hand.
 */
@EnableAutoConfiguration
public final class BareSpringBoot {

    private BareSpringBoot() {
    }

    /** @param arguments the port, then the length of every answer in bytes */
    public static void main(String[] arguments) {
        byte[] answer = answer(Integer.parseInt(arguments[1]));
        SpringApplication application = new SpringApplication(BareSpringBoot.class);
        application.addInitializers(context -> ((GenericApplicationContext) context).registerBean(RouterFunction.class,
                () -> RouterFunctions.route().POST("/api/v1/diagnoses", request -> {
                    request.body(Map.class);
                    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
                }).build()));
        application.run("--server.port=" + arguments[0], "--spring.main.banner-mode=off");
    }

    /** A JSON string of {@code length} bytes in all. */
    private static byte[] answer(int length) {
        byte[] answer = new byte[Math.max(2, length)];
        Arrays.fill(answer, (byte) 'x');
        answer[0] = '"';
        answer[answer.length - 1] = '"';
        return answer;
    }
}
