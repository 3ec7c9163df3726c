// A monthly batch job: the new price list (a CSV object in S3) is applied to the product table row by
// row by a Distributed Map; bad rows are tolerated up to 10 %, then the pricing team gets a summary.
import { dynamodb, map, s3Items, sns, workflow, WorkflowError } from '@typestep/dsl';

/** A row of the price list: CSV cells are strings. */
export interface PriceRow {
  sku: string;
  price: string;
  currency: string;
}

export interface PriceRun {
  month: string;
  table: string;
}

export const setPrice = dynamodb.updateItem({
  name: 'Set price',
  retry: { errors: ['DynamoDB.ProvisionedThroughputExceededException'], intervalSeconds: 1, maxAttempts: 3, backoffRate: 2 },
});
export const notifyPricing = sns.publish({ name: 'Notify pricing' });

/** A row whose price is not a positive amount. */
export class InvalidPrice extends WorkflowError {}

export const updatePrices = workflow('UpdatePrices', async (run: PriceRun) => {
  const results = await map(
    s3Items<PriceRow>({ bucket: 'price-lists', key: `${run.month}.csv`, inputType: 'CSV' }),
    async (row) => {
      const cents = Math.round(Number(row.price) * 100);
      if (!(cents > 0)) throw new InvalidPrice(`${row.sku}: ${row.price} is not a price`);
      await setPrice({
        TableName: run.table,
        Key: { sku: { S: row.sku } },
        UpdateExpression: 'SET priceCents = :cents, currency = :currency',
        ExpressionAttributeValues: { ':cents': { N: String(cents) }, ':currency': { S: row.currency } },
      });
      return { sku: row.sku, cents };
    },
    { maxConcurrency: 50, toleratedFailurePercentage: 10 },
  );
  const updated = results.filter((result) => 'sku' in result).length;
  const failed = results.length - updated;
  await notifyPricing({ TopicArn: '${PricingTopicArn}', Message: `Price list ${run.month}: ${updated} updated, ${failed} rejected` });
  return { updated, failed };
});
