package com.credence.investment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers the investment settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InvestmentProperties.class)
class InvestmentConfiguration {}
