export interface Subject {
  kind: 'order';
  version: 2;
  flag: true;
  status: 'pending' | 'paid' | 'shipped';
  code: 200 | 404;
  maybe: 'yes' | 'no' | null;
  mixed: 'auto' | 0 | false;
}
