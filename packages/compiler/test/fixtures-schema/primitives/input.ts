export interface Subject {
  name: string;
  count: number;
  active: boolean;
  nothing: null;
  anything: unknown;
  loose: any;
}
