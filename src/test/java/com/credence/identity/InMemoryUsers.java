package com.credence.identity;

import com.credence.identity.domain.UserAccount;
import com.credence.identity.domain.Users;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A map-backed {@link Users} for unit tests of the identity services. */
final class InMemoryUsers implements Users {

  private final Map<UUID, UserAccount> accounts = new LinkedHashMap<>();

  @Override
  public Optional<UserAccount> findById(UUID id) {
    return Optional.ofNullable(accounts.get(id));
  }

  @Override
  public Optional<UserAccount> findByPhone(String phone) {
    return accounts.values().stream().filter(u -> u.phone().equals(phone)).findFirst();
  }

  @Override
  public boolean existsByPhone(String phone) {
    return findByPhone(phone).isPresent();
  }

  @Override
  public void insert(UUID id, String phone, Set<Role> roles, String passwordHash, Instant now) {
    if (existsByPhone(phone)) {
      throw new DuplicatePhoneException();
    }
    accounts.put(
        id,
        new UserAccount(
            id, phone, roles, passwordHash, 0, null, false, null, null, 0, KycStatus.NONE, now));
  }

  @Override
  public boolean recordLoginFailure(UUID id, int maxFailures, Instant lockUntil) {
    UserAccount u = accounts.get(id);
    boolean lock = u.failedLogins() + 1 >= maxFailures;
    accounts.put(
        id,
        new UserAccount(
            id,
            u.phone(),
            u.roles(),
            u.passwordHash(),
            lock ? 0 : u.failedLogins() + 1,
            lock ? lockUntil : u.lockedUntil(),
            u.totpEnabled(),
            u.totpSecret(),
            u.pendingTotpSecret(),
            u.totpLastStep(),
            u.kycStatus(),
            u.createdAt()));
    return lock;
  }

  @Override
  public void recordLoginSuccess(UUID id) {
    UserAccount u = accounts.get(id);
    accounts.put(
        id,
        new UserAccount(
            id,
            u.phone(),
            u.roles(),
            u.passwordHash(),
            0,
            u.lockedUntil(),
            u.totpEnabled(),
            u.totpSecret(),
            u.pendingTotpSecret(),
            u.totpLastStep(),
            u.kycStatus(),
            u.createdAt()));
  }

  @Override
  public void changePassword(UUID id, String passwordHash) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void storePendingTotpSecret(UUID id, byte[] secret) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean enableTotp(UUID id, long usedStep) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean useTotpStep(UUID id, long step) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setKycStatus(UUID id, KycStatus status) {
    UserAccount u = accounts.get(id);
    accounts.put(
        id,
        new UserAccount(
            id,
            u.phone(),
            u.roles(),
            u.passwordHash(),
            u.failedLogins(),
            u.lockedUntil(),
            u.totpEnabled(),
            u.totpSecret(),
            u.pendingTotpSecret(),
            u.totpLastStep(),
            status,
            u.createdAt()));
  }

  @Override
  public void addRole(UUID id, Role role) {
    throw new UnsupportedOperationException();
  }
}
