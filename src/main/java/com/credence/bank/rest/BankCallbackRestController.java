package com.credence.bank.rest;

import com.credence.bank.BankService;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bank's callbacks. Public (the bank has no token) but every callback must carry a valid
 * HMAC-SHA256 signature over timestamp, nonce and the exact body bytes; replays and late ones are
 * refused.
 */
@RestController
class BankCallbackRestController {

  static final String TIMESTAMP = "X-Bank-Timestamp";
  static final String NONCE = "X-Bank-Nonce";
  static final String SIGNATURE = "X-Bank-Signature";

  private final BankService bank;

  BankCallbackRestController(BankService bank) {
    this.bank = bank;
  }

  @PostMapping(path = "/api/v1/bank/callbacks", consumes = "application/json")
  Map<String, String> callback(
      @RequestBody byte[] body,
      @RequestHeader(name = TIMESTAMP, required = false) @Nullable String timestamp,
      @RequestHeader(name = NONCE, required = false) @Nullable String nonce,
      @RequestHeader(name = SIGNATURE, required = false) @Nullable String signature) {
    BankService.CallbackResult result =
        bank.receiveCallback(new String(body, StandardCharsets.UTF_8), timestamp, nonce, signature);
    return Map.of("result", result.name());
  }
}
