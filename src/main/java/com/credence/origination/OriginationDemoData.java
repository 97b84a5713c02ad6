package com.credence.origination;

import com.credence.shared.DemoDataContributor;
import com.credence.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A demo application: the demo borrower applies for a credit loan, screened by the simulated bureau
 * like any other, so the officers' queue has a case to look at.
 */
@Component
class OriginationDemoData implements DemoDataContributor {

  private static final Logger log = LoggerFactory.getLogger(OriginationDemoData.class);

  private final OriginationService origination;

  OriginationDemoData(OriginationService origination) {
    this.origination = origination;
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public void seed(DemoContext context) {
    context
        .sharedUser("borrower")
        .ifPresent(
            borrower -> {
              ApplicationForm form =
                  new ApplicationForm(
                      "CREDIT",
                      "50000.00",
                      "12",
                      "EQUAL_INSTALLMENT",
                      "HOME_REPAIR",
                      "25000.00",
                      "800.00",
                      "60000.00",
                      "96",
                      "SKILLED",
                      "AT_LEAST_2000_CNY",
                      "OWN",
                      "REAL_ESTATE",
                      "NONE",
                      "上海市徐汇区示例路 1 号",
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null);
              try {
                ApplicationView view = origination.submit(borrower, form, null);
                log.info("Demo application {} is {}", view.applicationId(), view.status());
              } catch (ProblemException e) {
                log.warn("The demo application was refused: {}", e.getMessage());
              }
            });
  }
}
