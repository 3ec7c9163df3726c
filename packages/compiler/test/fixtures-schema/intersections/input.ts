interface Named {
  name: string;
}

interface Aged {
  age: number;
}

type UserId = string & { readonly __brand: 'UserId' };

export interface Subject {
  person: Named & Aged;
  extended: Named & { nickname?: string };
  userId: UserId;
}
