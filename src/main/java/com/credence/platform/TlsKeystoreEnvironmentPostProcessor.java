package com.credence.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * HTTPS by default: unless a keystore (or an SSL bundle) is configured, or SSL is switched off,
 * make a self-signed certificate for {@code localhost} on first start and keep it, with a random
 * password, under {@code <data-dir>/tls/}. Runs before the web server is created.
 */
public class TlsKeystoreEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  static final String ALIAS = "credence";
  private static final Duration VALIDITY = Duration.ofDays(825);
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.getProperty("server.ssl.enabled", Boolean.class, true)
        || environment.containsProperty("server.ssl.key-store")
        || environment.containsProperty("server.ssl.bundle")
        || environment.containsProperty("server.ssl.certificate")) {
      return;
    }
    Path tlsDir = Path.of(environment.getProperty("credence.data-dir", "./data")).resolve("tls");
    Path keystore = tlsDir.resolve("credence-tls.p12");
    Path passwordFile = tlsDir.resolve("keystore-password");
    try {
      if (!Files.isRegularFile(keystore) || !Files.isRegularFile(passwordFile)) {
        generate(tlsDir, keystore, passwordFile);
      }
      String password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
      environment
          .getPropertySources()
          .addLast(
              new MapPropertySource(
                  "credenceSelfSignedTls",
                  Map.of(
                      "server.ssl.enabled",
                      "true",
                      "server.ssl.key-store",
                      keystore.toAbsolutePath().toUri().toString(),
                      "server.ssl.key-store-type",
                      "PKCS12",
                      "server.ssl.key-store-password",
                      password,
                      "server.ssl.key-alias",
                      ALIAS)));
    } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(
          "Cannot prepare the self-signed TLS keystore in " + tlsDir, e);
    }
  }

  private static void generate(Path tlsDir, Path keystore, Path passwordFile)
      throws IOException, GeneralSecurityException, OperatorCreationException {
    Files.createDirectories(tlsDir);
    byte[] secret = new byte[24];
    RANDOM.nextBytes(secret);
    String password = HexFormat.of().formatHex(secret);

    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256, RANDOM);
    KeyPair keyPair = generator.generateKeyPair();
    // The certificate is made before the application clock exists; wall time is right here.
    Instant notBefore = Instant.ofEpochMilli(System.currentTimeMillis()).minus(Duration.ofDays(1));
    X500Name subject = new X500Name("CN=localhost, O=Credence");
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            new BigInteger(64, RANDOM),
            Date.from(notBefore),
            Date.from(notBefore.plus(VALIDITY)),
            subject,
            keyPair.getPublic());
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
              new GeneralName(GeneralName.iPAddress, "::1")
            }));
    X509Certificate certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));

    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        ALIAS, keyPair.getPrivate(), password.toCharArray(), new X509Certificate[] {certificate});
    try (OutputStream out = Files.newOutputStream(keystore)) {
      store.store(out, password.toCharArray());
    }
    Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
    restrictToOwner(keystore);
    restrictToOwner(passwordFile);
  }

  private static void restrictToOwner(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
