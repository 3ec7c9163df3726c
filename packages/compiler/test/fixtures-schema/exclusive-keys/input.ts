// One key of several, the others `?: never` (the AWS SDK's style for DynamoDB attribute values):
// JSON can only leave a `never` key out, so the schema forbids it.
type Exclusive<T> = { [K in keyof T]: { [P in K]: T[P] } & { [P in Exclude<keyof T, K>]?: never } }[keyof T];

export type Subject = Exclusive<{ S: string; N: string }> & { note?: undefined };
