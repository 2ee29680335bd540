import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { BalanceLine, OnboardingSteps } from '../exchanges/exchange-adapter';
import type { ConnectionStatus, ExchangeConnection } from './exchange-connection.entity';
import { PolledFeedFields } from '../polling/feed-state.types';

@ObjectType('ExchangeConnection', {
  simpleResolvers: true,
  description: 'A read-only exchange key. Its secrets never leave the server.',
})
export class ExchangeConnectionType extends PolledFeedFields {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  employeeId!: string;

  @Field(() => String, { description: 'The venue id (binance, coinbase, kraken, okx, bybit, kucoin, gemini).' })
  venue!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String, { description: "The key's last four characters: enough to tell keys apart, never enough to use one." })
  keyFingerprint!: string;

  @Field(() => Boolean)
  sandbox!: boolean;

  @Field(() => String, { description: 'active | scope_unverified | broken | suspended | removed' })
  status!: ConnectionStatus;

  @Field(() => String, {
    description: "What the venue last said of the key's permissions: read_only, too_broad, unknown or unverifiable.",
  })
  scopeVerdict!: string;

  @Field(() => Date)
  scopeCheckedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the venue says the key expires.' })
  keyExpiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was removed (or rotated); its key was erased then.' })
  removedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The connection holding the fresh key this one was rotated to.' })
  replacedById!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

export const toConnectionType = (c: ExchangeConnection): ExchangeConnectionType => ({
  id: c.id,
  employeeId: c.employeeId,
  venue: c.venue,
  label: c.label,
  keyFingerprint: c.keyFingerprint,
  sandbox: c.sandbox,
  status: c.status,
  scopeVerdict: typeof c.scopeProof.verdict === 'string' ? c.scopeProof.verdict : 'unknown',
  scopeCheckedAt: c.scopeCheckedAt,
  keyExpiresAt: c.keyExpiresAt,
  lastSuccessAt: c.lastSuccessAt,
  lastError: c.lastError,
  failingSince: c.failingSince,
  nextPollAt: c.nextPollAt,
  removedAt: c.removedAt ?? null,
  replacedById: c.replacedBy ?? null,
  createdAt: c.createdAt,
});

@ObjectType('BalanceLine', { simpleResolvers: true })
export class BalanceLineType {
  @Field(() => String)
  asset!: string;

  @Field(() => String, { description: 'A decimal number as the venue wrote it.' })
  total!: string;

  @Field(() => String)
  free!: string;

  @Field(() => String)
  used!: string;
}

export const toBalanceLineType = (l: BalanceLine): BalanceLineType => ({ ...l });

@ObjectType({ simpleResolvers: true })
export class ConnectExchangeResult {
  @Field(() => ExchangeConnectionType)
  connection!: ExchangeConnectionType;

  @Field(() => [BalanceLineType], { description: 'The balance read with the key before it was stored.' })
  balances!: BalanceLineType[];
}

@InputType()
export class ConnectExchangeInput {
  @Field(() => String)
  venue!: string;

  @Field(() => String)
  apiKey!: string;

  @Field(() => String)
  secret!: string;

  @Field(() => String, { nullable: true, description: 'OKX, KuCoin and others that set one when the key is made.' })
  passphrase?: string | null;

  @Field(() => String, { nullable: true })
  label?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Use the venue's testnet, where it has one." })
  sandbox?: boolean | null;
}

@ObjectType({ simpleResolvers: true })
export class RotateConnectionResult {
  @Field(() => ExchangeConnectionType, { description: 'The connection holding the fresh key.' })
  connection!: ExchangeConnectionType;

  @Field(() => ExchangeConnectionType, { description: 'The connection it replaced: removed, its key erased.' })
  replaced!: ExchangeConnectionType;

  @Field(() => [BalanceLineType], { description: 'The balance read with the fresh key before it was stored.' })
  balances!: BalanceLineType[];
}

@InputType({ description: "A fresh key for a connection's venue; label and testnet are kept unless given." })
export class RotateConnectionInput {
  @Field(() => String)
  apiKey!: string;

  @Field(() => String)
  secret!: string;

  @Field(() => String, { nullable: true })
  passphrase?: string | null;

  @Field(() => String, { nullable: true })
  label?: string | null;

  @Field(() => Boolean, { nullable: true })
  sandbox?: boolean | null;
}

@ObjectType('ExchangeVenue', {
  simpleResolvers: true,
  description: 'A supported exchange, with the steps to make a read-only key there.',
})
export class ExchangeVenueType {
  @Field(() => String)
  id!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => Boolean)
  needsPassphrase!: boolean;

  @Field(() => Boolean)
  hasSandbox!: boolean;

  @Field(() => String, { description: "Where in the venue's settings the key is made." })
  where!: string;

  @Field(() => [String])
  grant!: string[];

  @Field(() => [String])
  leaveOff!: string[];

  @Field(() => String)
  ipAllowList!: string;

  @Field(() => [String])
  notes!: string[];
}

export const toVenueType = (s: OnboardingSteps, needsPassphrase: boolean, hasSandbox: boolean): ExchangeVenueType => ({
  id: s.venue,
  displayName: s.displayName,
  needsPassphrase,
  hasSandbox,
  where: s.where,
  grant: s.grant,
  leaveOff: s.leaveOff,
  ipAllowList: s.ipAllowList,
  notes: s.notes,
});
