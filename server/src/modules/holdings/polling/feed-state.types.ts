import { Field, ObjectType } from 'type-graphql';

// The fields every feed shows (an exchange connection, a wallet, a wallet's prediction positions),
// declared once: each feed's GraphQL type extends one of these classes (type-graphql gives a type
// the fields of the object types it extends; these two are in no field's type, so the schema
// does not list them), as feed-rows.ts maps their rows once.

/** How a feed is doing: its last success, and its last error with since when it has failed. */
@ObjectType()
export abstract class FeedStateFields {
  @Field(() => Date, { nullable: true, description: 'The last successful read.' })
  lastSuccessAt!: Date | string | null;

  @Field(() => String, { nullable: true, description: 'What the last failed read met, while it is failing.' })
  lastError!: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Reads fail since then, without a success in between: what is shown is as of the last success.',
  })
  failingSince!: Date | string | null;
}

/** A polled feed's state and when it is polled next. */
@ObjectType()
export abstract class PolledFeedFields extends FeedStateFields {
  @Field(() => Date, { nullable: true, description: 'When it is due to be polled next.' })
  nextPollAt!: Date | string | null;
}
