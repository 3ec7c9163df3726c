interface Address {
  street: string;
  city?: string;
}

export interface Subject {
  readonly id: string;
  note?: string;
  count?: number | null;
  explicitUndefined: string | undefined;
  frozen: Readonly<Address>;
  address?: Address;
}
