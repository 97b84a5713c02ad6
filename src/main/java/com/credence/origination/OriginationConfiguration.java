package com.credence.origination;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the origination settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OriginationProperties.class)
class OriginationConfiguration {}
