package com.credence.repayment;

import com.credence.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One line of a loan's collections log (催收记录): a contact attempt or a promise to pay. */
public record CollectionEntryView(
    UUID entryId,
    UUID loanId,
    UUID operatorId,
    String kind,
    String note,
    @Nullable LocalDate promisedDate,
    @Nullable Money promisedAmount,
    Instant createdAt) {}
