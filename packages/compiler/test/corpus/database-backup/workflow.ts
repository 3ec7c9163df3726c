import { awsSdk, lambda, sleep, workflow, WorkflowError } from '@typestep/dsl';

interface BackupRequest { clusterId: string; date: string; copyToRegion?: string }

const createSnapshot = awsSdk<{ DBClusterIdentifier: string; DBClusterSnapshotIdentifier: string }, { DBClusterSnapshot: { Status: string } }>(
  'rds',
  'createDBClusterSnapshot',
  { name: 'Create snapshot' },
);
const describeSnapshot = awsSdk<{ DBClusterSnapshotIdentifier: string }, { DBClusterSnapshots: { Status: string; PercentProgress: number }[] }>(
  'rds',
  'describeDBClusterSnapshots',
  { name: 'Describe snapshot' },
);
const copySnapshot = lambda<{ snapshotId: string; region: string }, { copyId: string }>('${CopySnapshotArn}');

export const backupDatabase = workflow('BackupDatabase', async (request: BackupRequest) => {
  const snapshotId = `${request.clusterId}-${request.date}`;
  await createSnapshot({ DBClusterIdentifier: request.clusterId, DBClusterSnapshotIdentifier: snapshotId });

  let status = 'creating';
  let polls = 0;
  while (status !== 'available') {
    if (polls === 10) throw new WorkflowError('SnapshotTimeout', `${snapshotId} still ${status}`);
    await sleep(60);
    const described = await describeSnapshot({ DBClusterSnapshotIdentifier: snapshotId });
    status = described.DBClusterSnapshots[0].Status;
    polls = polls + 1;
    if (status === 'failed') throw new WorkflowError('SnapshotFailed', snapshotId);
  }

  if (request.copyToRegion) {
    const { copyId } = await copySnapshot({ snapshotId, region: request.copyToRegion });
    return { snapshotId, polls, copyId };
  }
  return { snapshotId, polls };
});
