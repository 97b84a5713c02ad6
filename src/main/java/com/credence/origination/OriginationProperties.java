package com.credence.origination;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the origination module ({@code credence.origination.*}); docs/modules/origination.md
 * explains each.
 *
 * @param screeningRetryInterval how often the job looks for applications waiting for the bureau,
 *     and the first wait after a failed attempt (doubled per attempt up to the maximum)
 * @param screeningRetryMax the longest wait between two attempts
 * @param screeningBatch how many waiting applications one run of the job screens
 * @param documentMaxSize the largest document accepted
 * @param documentsPerApplication how many documents one application may carry
 */
@ConfigurationProperties("credence.origination")
public record OriginationProperties(
    @DefaultValue("30s") Duration screeningRetryInterval,
    @DefaultValue("10m") Duration screeningRetryMax,
    @DefaultValue("20") int screeningBatch,
    @DefaultValue("5MB") DataSize documentMaxSize,
    @DefaultValue("20") int documentsPerApplication) {}
