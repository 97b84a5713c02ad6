package com.credence.bank.sim;

import com.credence.shared.ProblemException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The simulated bank's own page where the customer confirms an instruction with the transaction
 * password. A real bank shows this on its own site; the platform never sees the password.
 */
@Controller
@ConditionalOnProperty(
    name = "credence.simulation.enabled",
    havingValue = "true",
    matchIfMissing = true)
class SimulatedBankPageController {

  static final String CONFIRM = "bank/sim-confirm";

  private final SimulatedBank bank;
  private final MessageSource messages;

  SimulatedBankPageController(SimulatedBank bank, MessageSource messages) {
    this.bank = bank;
    this.messages = messages;
  }

  @GetMapping("/sim/bank/confirm/{orderId}")
  String page(@PathVariable UUID orderId, Model model) {
    String status =
        bank.instructionStatus(orderId).orElseThrow(() -> ProblemException.notFound("Instruction"));
    model.addAttribute("orderId", orderId);
    model.addAttribute("status", status);
    return CONFIRM;
  }

  @PostMapping("/sim/bank/confirm/{orderId}")
  String confirm(
      @PathVariable UUID orderId,
      @RequestParam(defaultValue = "") String password,
      Locale locale,
      Model model) {
    model.addAttribute("orderId", orderId);
    try {
      model.addAttribute("status", bank.confirm(orderId, password));
    } catch (ProblemException e) {
      model.addAttribute("status", bank.instructionStatus(orderId).orElse("AWAITING"));
      model.addAttribute("error", messages.getMessage(e.messageKey(), null, locale));
    }
    return CONFIRM;
  }
}
