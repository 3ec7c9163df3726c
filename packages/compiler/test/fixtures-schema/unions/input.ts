interface Circle {
  kind: 'circle';
  radius: number;
}

interface Square {
  kind: 'square';
  side: number;
}

type Shape = Circle | Square;

type Result = { ok: true; value: number } | { ok: false; error: string };

export interface Subject {
  id: string | number;
  nullable: string | null;
  shape: Shape;
  result: Result;
  either: { a: string } | { b: number };
  listOrOne: string | string[];
}
