import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { PageInfo } from '@/core/graphql/page-info';
import { PolledFeedFields } from '../polling/feed-state.types';

@ObjectType('HeldBalance', { simpleResolvers: true, description: "One asset of one connection's latest snapshot." })
export class HeldBalanceType {
  @Field(() => ID)
  connectionId!: string;

  @Field(() => String)
  venue!: string;

  @Field(() => String)
  asset!: string;

  @Field(() => String, { description: 'A decimal number.' })
  total!: string;

  @Field(() => Date, { description: 'When the venue last reported it (stale when its connection is failing).' })
  fetchedAt!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The total in the reference currency at the newest price, a decimal number; null when unpriced (never zero).',
  })
  value!: string | null;

  @Field(() => Boolean, { description: 'Whether the pricing venue quotes the asset (the reference currency itself is 1).' })
  priced!: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'When the price was read: the value is as of then. Null when unpriced or the reference currency.',
  })
  priceAt!: string | null;
}

@ObjectType('BalancePoint', { simpleResolvers: true })
export class BalancePointType {
  @Field(() => String)
  asset!: string;

  @Field(() => Date)
  at!: string;

  @Field(() => String, { description: 'The asset summed over the employee’s connections at that snapshot.' })
  total!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'That total in the reference currency at the price nearest before the snapshot (else the earliest after); null when unpriced.',
  })
  value!: string | null;
}

@ObjectType('ValuePoint', {
  simpleResolvers: true,
  description: "An employee's total value at a time one of its holdings changed.",
})
export class ValuePointType {
  @Field(() => Date)
  at!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The sum of the priced holdings in the reference currency, a decimal number; null when none is priced.',
  })
  value!: string | null;

  @Field(() => Int, { description: 'Held assets (non-zero) with no price, left out of the value, never counted as zero.' })
  unpricedAssets!: number;
}

@ObjectType('Trade', { simpleResolvers: true })
export class TradeType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  connectionId!: string;

  @Field(() => String)
  venue!: string;

  @Field(() => String, { description: "The venue's own trade id." })
  venueTradeId!: string;

  @Field(() => String)
  symbol!: string;

  @Field(() => String)
  side!: string;

  @Field(() => String)
  amount!: string;

  @Field(() => String)
  price!: string;

  @Field(() => String, { nullable: true })
  feeAsset!: string | null;

  @Field(() => String, { nullable: true })
  feeAmount!: string | null;

  @Field(() => Date)
  tradedAt!: string;
}

@ObjectType({ simpleResolvers: true })
export class TradeConnection {
  @Field(() => [TradeType])
  nodes!: TradeType[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType('ExchangeTransfer', {
  simpleResolvers: true,
  description: 'A deposit to or a withdrawal from an exchange account, as the venue reported it.',
})
export class ExchangeTransferType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  connectionId!: string;

  @Field(() => String)
  venue!: string;

  @Field(() => String, { description: 'deposit | withdrawal' })
  kind!: string;

  @Field(() => String, { description: "The venue's own id (its txid where the venue gives no id)." })
  venueTransferId!: string;

  @Field(() => String, { nullable: true, description: 'The on-chain transaction hash, where there is one.' })
  txid!: string | null;

  @Field(() => String)
  asset!: string;

  @Field(() => String, { description: 'A decimal number, as the venue reported it.' })
  amount!: string;

  @Field(() => String, { nullable: true })
  feeAsset!: string | null;

  @Field(() => String, { nullable: true })
  feeAmount!: string | null;

  @Field(() => String, { nullable: true, description: 'The chain or rail it moved on, as the venue names it.' })
  network!: string | null;

  @Field(() => String, { nullable: true, description: 'The address it came from or went to, where the venue says.' })
  address!: string | null;

  @Field(() => String, { description: 'pending | ok | failed | canceled | unknown' })
  status!: string;

  @Field(() => Date)
  happenedAt!: string;
}

@ObjectType({ simpleResolvers: true })
export class ExchangeTransferConnection {
  @Field(() => [ExchangeTransferType])
  nodes!: ExchangeTransferType[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType('PollRun', { simpleResolvers: true })
export class PollRunType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'ok | auth_failed | rate_limited | error | scope_widened | scope_unknown' })
  outcome!: string;

  @Field(() => Int)
  durationMs!: number;

  @Field(() => GraphQLJSON, { description: 'Balances, trades, deposits and withdrawals read; how many were new.' })
  counts!: unknown;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => Date)
  startedAt!: string;
}

@ObjectType('FeedHealth', { simpleResolvers: true, description: 'One connection’s health, for the feed-health page.' })
export class FeedHealthType extends PolledFeedFields {
  @Field(() => ID)
  connectionId!: string;

  @Field(() => ID)
  employeeId!: string;

  @Field(() => String)
  employeeName!: string;

  @Field(() => String)
  venue!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String)
  keyFingerprint!: string;

  @Field(() => String)
  status!: string;

  @Field(() => Date, { nullable: true })
  keyExpiresAt!: string | null;
}
