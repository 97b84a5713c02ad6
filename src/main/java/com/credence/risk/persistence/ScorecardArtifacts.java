package com.credence.risk.persistence;

import com.credence.risk.domain.ScorecardModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a scorecard artifact (e.g. {@code risk/scorecard-v1.json}) into the domain model. */
public final class ScorecardArtifacts {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private ScorecardArtifacts() {}

  /** Loads a classpath resource; a missing or malformed artifact stops the start. */
  public static ScorecardModel fromClasspath(String resource) {
    try (InputStream in = ScorecardArtifacts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Scorecard artifact not found: " + resource);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ScorecardModel read(InputStream in) {
    JsonNode root = MAPPER.readTree(in);
    JsonNode scaling = root.required("scaling");
    List<ScorecardModel.Feature> features = new ArrayList<>();
    for (JsonNode feature : root.required("features")) {
      ScorecardModel.FeatureType type =
          ScorecardModel.FeatureType.valueOf(
              feature.required("type").asString().toUpperCase(Locale.ROOT));
      List<ScorecardModel.Bin> bins = new ArrayList<>();
      for (JsonNode bin : feature.required("bins")) {
        JsonNode edge = bin.get("upToInclusive");
        bins.add(
            new ScorecardModel.Bin(
                bin.has("category") ? bin.get("category").asString() : null,
                edge == null || edge.isNull() ? null : edge.decimalValue(),
                decimal(bin.required("woe")),
                decimal(bin.required("points"))));
      }
      features.add(new ScorecardModel.Feature(feature.required("name").asString(), type, bins));
    }
    return new ScorecardModel(
        root.required("version").asString(),
        decimal(scaling.required("factor")),
        decimal(scaling.required("offset")),
        features);
  }

  private static BigDecimal decimal(JsonNode node) {
    return new BigDecimal(node.asString());
  }
}
