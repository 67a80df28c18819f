package org.gridgov;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** GridGov: grid-based social-governance platform. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GridGovApplication {

    public static void main(String[] args) {
        SpringApplication.run(GridGovApplication.class, args);
    }
}
