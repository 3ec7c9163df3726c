export enum Colour {
  Red = 'red',
  Green = 'green',
}

export enum Priority {
  Low,
  High = 10,
}

export interface Subject {
  colour: Colour;
  priority: Priority;
  onlyRed: Colour.Red;
  optionalColour?: Colour;
}
