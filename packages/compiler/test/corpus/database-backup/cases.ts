import { failure, type CorpusCase } from '../corpus-case.js';

const progress = (statuses: string[]) => () => {
  let n = 0;
  return {
    'Create snapshot': () => ({ DBClusterSnapshot: { Status: 'creating' } }),
    'Describe snapshot': () => ({ DBClusterSnapshots: [{ Status: statuses[Math.min(n++, statuses.length - 1)], PercentProgress: 50 }] }),
    '${CopySnapshotArn}': (i: any) => ({ copyId: `${i.snapshotId}@${i.region}` }),
  };
};

export const cases: CorpusCase[] = [
  { name: 'ready after three polls, copied', input: { clusterId: 'prod', date: '2024-06-01', copyToRegion: 'eu-west-1' }, handlers: progress(['creating', 'creating', 'available']), expected: { output: { snapshotId: 'prod-2024-06-01', polls: 3, copyId: 'prod-2024-06-01@eu-west-1' } } },
  { name: 'no copy', input: { clusterId: 'dev', date: '2024-06-02' }, handlers: progress(['available']), expected: { output: { snapshotId: 'dev-2024-06-02', polls: 1 } } },
  { name: 'snapshot fails', input: { clusterId: 'prod', date: '2024-06-03' }, handlers: progress(['creating', 'failed']), expected: { error: 'SnapshotFailed' } },
  { name: 'never ready', input: { clusterId: 'prod', date: '2024-06-04' }, handlers: progress(['creating']), expected: { error: 'SnapshotTimeout' } },
  { name: 'cluster missing', input: { clusterId: 'ghost', date: '2024-06-05' }, handlers: () => ({ 'Create snapshot': () => { throw failure('Rds.DbClusterNotFoundFaultException', 'ghost'); } }), expected: { error: 'Rds.DbClusterNotFoundFaultException' } },
];
