import { Field, ObjectType } from 'type-graphql';
import { FeedStateFields } from '../polling/feed-state.types';
import { withWalletFields } from '../polling/wallet-feed.types';

@ObjectType('PredictionPosition', {
  simpleResolvers: true,
  description: 'A prediction-market position a wallet held at its latest snapshot. Figures are exact decimal strings.',
})
export class PredictionPositionType {
  @Field(() => String, { description: "The market's id at the venue (Polymarket: its condition id)." })
  conditionId!: string;

  @Field(() => String, { description: 'The outcome token held (Polymarket: its token id).' })
  asset!: string;

  @Field(() => String, { description: "The market's title." })
  market!: string;

  @Field(() => String)
  outcome!: string;

  @Field(() => String, { description: 'Shares held.' })
  size!: string;

  @Field(() => String, { description: 'Average price paid per share (USDC).' })
  avgPrice!: string;

  @Field(() => String, { description: 'What the shares are worth at the current price (USDC).' })
  currentValue!: string;

  @Field(() => String, { nullable: true })
  curPrice!: string | null;
}

@ObjectType('WalletPredictions', {
  simpleResolvers: true,
  description: "One wallet's prediction-market positions as last read, with the health of their feed.",
})
export class WalletPredictionsType extends withWalletFields(FeedStateFields) {
  @Field(() => String, { description: 'polymarket' })
  venue!: string;

  @Field(() => Date, { nullable: true, description: 'When the positions shown were read (they have not changed since).' })
  asOf!: string | null;

  @Field(() => [PredictionPositionType])
  positions!: PredictionPositionType[];
}
