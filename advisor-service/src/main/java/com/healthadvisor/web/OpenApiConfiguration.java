package com.healthadvisor.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.healthadvisor.DiagnosisResult;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description names properties as the wire does: snake_case, like spring.jackson's naming. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // A handler returns the diagnosis with what its report needs; the wire carries the result (or the report).
        SpringDocUtils.getConfig().replaceWithClass(DiagnosisReport.class, DiagnosisResult.class);
    }

    @Bean
    ModelResolver snakeCaseModels() {
        return new ModelResolver(Json31.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
