import {
  CreateStateMachineAliasCommand,
  CreateStateMachineCommand,
  DeleteStateMachineAliasCommand,
  DeleteStateMachineCommand,
  DeleteStateMachineVersionCommand,
  DescribeStateMachineAliasCommand,
  DescribeStateMachineCommand,
  ListStateMachineAliasesCommand,
  ListStateMachinesCommand,
  ListStateMachineVersionsCommand,
  ListTagsForResourceCommand,
  PublishStateMachineVersionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateStateMachineAliasCommand,
  UpdateStateMachineCommand,
  ValidateStateMachineDefinitionCommand,
} from '@aws-sdk/client-sfn';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { PASS_DEFINITION, PREFIX, ROLE, sdkError, withService } from './support/local-service.js';

const s = suite('typestep serve: state machines, versions, aliases and tags through @aws-sdk/client-sfn');

s('CreateStateMachine, DescribeStateMachine, UpdateStateMachine and DeleteStateMachine with AWS shapes', () =>
  withService(async (sfn) => {
    const created = await sfn.send(new CreateStateMachineCommand({ name: 'orders', definition: PASS_DEFINITION, roleArn: ROLE }));
    assert.is(created.stateMachineArn, `${PREFIX}:stateMachine:orders`);
    assert.instance(created.creationDate, Date);
    // Same request again: idempotent, same ARN.
    const again = await sfn.send(new CreateStateMachineCommand({ name: 'orders', definition: PASS_DEFINITION, roleArn: ROLE }));
    assert.is(again.stateMachineArn, created.stateMachineArn);
    const conflict = await sdkError(sfn.send(new CreateStateMachineCommand({ name: 'orders', definition: PASS_DEFINITION, roleArn: `${ROLE}-other` })));
    assert.is(conflict.name, 'StateMachineAlreadyExists');
    assert.is(conflict.message, `State Machine Already Exists: '${PREFIX}:stateMachine:orders'`);

    const described = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
    assert.equal(
      { name: described.name, status: described.status, type: described.type, definition: described.definition, roleArn: described.roleArn },
      { name: 'orders', status: 'ACTIVE', type: 'STANDARD', definition: PASS_DEFINITION, roleArn: ROLE },
    );
    assert.equal(described.loggingConfiguration, { level: 'OFF', includeExecutionData: false });

    const changed = JSON.stringify({ StartAt: 'X', States: { X: { Type: 'Succeed' } } });
    const updated = await sfn.send(new UpdateStateMachineCommand({ stateMachineArn: created.stateMachineArn, definition: changed }));
    assert.instance(updated.updateDate, Date);
    assert.ok(updated.revisionId && updated.revisionId !== described.revisionId);
    assert.is((await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }))).definition, changed);

    await sfn.send(new DeleteStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
    const gone = await sdkError(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn })));
    assert.is(gone.name, 'StateMachineDoesNotExist');
    assert.is(gone.message, `State Machine Does Not Exist: '${PREFIX}:stateMachine:orders'`);
    assert.is(gone.$metadata.httpStatusCode, 400);
  }),
);

s('InvalidDefinition, InvalidName, InvalidArn and a missing roleArn are refused in AWS words', () =>
  withService(async (sfn) => {
    const broken = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nope' } } });
    const invalid = await sdkError(sfn.send(new CreateStateMachineCommand({ name: 'broken', definition: broken, roleArn: ROLE })));
    assert.is(invalid.name, 'InvalidDefinition');
    assert.match(invalid.message, /^Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: .* at \/States\/A\/Next'$/);
    const schema = await sdkError(sfn.send(new CreateStateMachineCommand({ name: 'broken', definition: JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: 'yes' } } }), roleArn: ROLE })));
    assert.match(schema.message, /^Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: .* at \/States\/A\/End'$/);
    const notJson = await sdkError(sfn.send(new CreateStateMachineCommand({ name: 'broken', definition: '{', roleArn: ROLE })));
    assert.match(notJson.message, /^Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: /);

    const name = await sdkError(sfn.send(new CreateStateMachineCommand({ name: 'has space', definition: PASS_DEFINITION, roleArn: ROLE })));
    assert.is(name.name, 'InvalidName');
    assert.is(name.message, "Invalid Name: 'has space'");
    const arn = await sdkError(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: 'not-an-arn' })));
    assert.is(arn.name, 'InvalidArn');
    assert.match(arn.message, /^Invalid Arn: '.*not-an-arn'$/);
    const wrongType = await sdkError(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: `${PREFIX}:activity:x` })));
    assert.is(wrongType.name, 'InvalidArn');
    const role = await sdkError(sfn.send(new CreateStateMachineCommand({ name: 'norole', definition: PASS_DEFINITION } as never)));
    assert.is(role.name, 'ValidationException');
    assert.is(role.message, "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
  }),
);

s('ValidateStateMachineDefinition answers OK or FAIL with diagnostics', () =>
  withService(async (sfn) => {
    const ok = await sfn.send(new ValidateStateMachineDefinitionCommand({ definition: PASS_DEFINITION }));
    assert.equal({ result: ok.result, diagnostics: ok.diagnostics, truncated: ok.truncated }, { result: 'OK', diagnostics: [], truncated: false });
    const fail = await sfn.send(new ValidateStateMachineDefinitionCommand({ definition: JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nope' } } }) }));
    assert.is(fail.result, 'FAIL');
    assert.is(fail.diagnostics![0]!.code, 'MISSING_TRANSITION_TARGET');
    assert.is(fail.diagnostics![0]!.severity, 'ERROR');
    assert.is(fail.diagnostics![0]!.location, '/States/A/Next');
  }),
);

s('ListStateMachines pages with maxResults and nextToken; a forged token is InvalidToken', () =>
  withService(async (sfn) => {
    for (let i = 0; i < 7; i++) await sfn.send(new CreateStateMachineCommand({ name: `m${i}`, definition: PASS_DEFINITION, roleArn: ROLE }));
    const names: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await sfn.send(new ListStateMachinesCommand({ maxResults: 3, nextToken }));
      names.push(...page.stateMachines!.map((m) => m.name!));
      assert.ok(page.stateMachines!.every((m) => m.type === 'STANDARD' && m.creationDate instanceof Date));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken);
    assert.is(pages, 3);
    assert.equal(names, ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6']);
    const forged = await sdkError(sfn.send(new ListStateMachinesCommand({ nextToken: 'garbage' })));
    assert.is(forged.name, 'InvalidToken');
    const tooMany = await sdkError(sfn.send(new ListStateMachinesCommand({ maxResults: 1001 })));
    assert.is(tooMany.name, 'ValidationException');
  }),
);

s('versions: publish on create and explicitly, list newest first, describe, delete; a referenced version cannot be deleted', () =>
  withService(async (sfn) => {
    const { stateMachineArn, stateMachineVersionArn } = await sfn.send(new CreateStateMachineCommand({ name: 'v', definition: PASS_DEFINITION, roleArn: ROLE, publish: true, versionDescription: 'first' }));
    assert.is(stateMachineVersionArn, `${stateMachineArn}:1`);
    // The same revision published again is the same version.
    const same = await sfn.send(new PublishStateMachineVersionCommand({ stateMachineArn }));
    assert.is(same.stateMachineVersionArn, `${stateMachineArn}:1`);
    const second = JSON.stringify({ StartAt: 'S', States: { S: { Type: 'Succeed' } } });
    const updated = await sfn.send(new UpdateStateMachineCommand({ stateMachineArn, definition: second, publish: true }));
    assert.is(updated.stateMachineVersionArn, `${stateMachineArn}:2`);
    const stale = await sdkError(sfn.send(new PublishStateMachineVersionCommand({ stateMachineArn, revisionId: 'old' })));
    assert.is(stale.name, 'ConflictException');
    const versions = await sfn.send(new ListStateMachineVersionsCommand({ stateMachineArn }));
    assert.equal(versions.stateMachineVersions!.map((v) => v.stateMachineVersionArn), [`${stateMachineArn}:2`, `${stateMachineArn}:1`]);
    const v1 = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: `${stateMachineArn}:1` }));
    assert.is(v1.definition, PASS_DEFINITION);
    assert.is(v1.description, 'first');
    assert.is(v1.stateMachineArn, `${stateMachineArn}:1`);

    const alias = await sfn.send(new CreateStateMachineAliasCommand({ name: 'live', routingConfiguration: [{ stateMachineVersionArn: `${stateMachineArn}:1`, weight: 100 }] }));
    assert.is(alias.stateMachineAliasArn, `${stateMachineArn}:live`);
    const referenced = await sdkError(sfn.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: `${stateMachineArn}:1` })));
    assert.is(referenced.name, 'ConflictException');
    await sfn.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: `${stateMachineArn}:2` }));
    const left = await sfn.send(new ListStateMachineVersionsCommand({ stateMachineArn }));
    assert.equal(left.stateMachineVersions!.map((v) => v.stateMachineVersionArn), [`${stateMachineArn}:1`]);
    const missing = await sdkError(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: `${stateMachineArn}:2` })));
    assert.is(missing.name, 'StateMachineDoesNotExist');
  }),
);

s('aliases: create, describe, update routing, list, delete; weights must add up to 100', () =>
  withService(async (sfn) => {
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'a', definition: PASS_DEFINITION, roleArn: ROLE, publish: true }));
    await sfn.send(new UpdateStateMachineCommand({ stateMachineArn, definition: JSON.stringify({ StartAt: 'S', States: { S: { Type: 'Succeed' } } }), publish: true }));
    const bad = await sdkError(sfn.send(new CreateStateMachineAliasCommand({ name: 'x', routingConfiguration: [{ stateMachineVersionArn: `${stateMachineArn}:1`, weight: 50 }] })));
    assert.is(bad.name, 'ValidationException');
    const { stateMachineAliasArn } = await sfn.send(
      new CreateStateMachineAliasCommand({ name: 'prod', description: 'canary', routingConfiguration: [{ stateMachineVersionArn: `${stateMachineArn}:1`, weight: 100 }] }),
    );
    await sfn.send(
      new UpdateStateMachineAliasCommand({
        stateMachineAliasArn,
        routingConfiguration: [
          { stateMachineVersionArn: `${stateMachineArn}:1`, weight: 90 },
          { stateMachineVersionArn: `${stateMachineArn}:2`, weight: 10 },
        ],
      }),
    );
    const described = await sfn.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn }));
    assert.is(described.name, 'prod');
    assert.is(described.description, 'canary');
    assert.equal(described.routingConfiguration!.map((r) => r.weight), [90, 10]);
    assert.instance(described.updateDate, Date);
    const listed = await sfn.send(new ListStateMachineAliasesCommand({ stateMachineArn }));
    assert.equal(listed.stateMachineAliases!.map((a) => a.stateMachineAliasArn), [stateMachineAliasArn]);
    await sfn.send(new DeleteStateMachineAliasCommand({ stateMachineAliasArn }));
    const gone = await sdkError(sfn.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn })));
    assert.is(gone.name, 'ResourceNotFound');
  }),
);

s('TagResource, ListTagsForResource and UntagResource; tags given at creation are kept', () =>
  withService(async (sfn) => {
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 't', definition: PASS_DEFINITION, roleArn: ROLE, tags: [{ key: 'team', value: 'orders' }] }));
    await sfn.send(new TagResourceCommand({ resourceArn: stateMachineArn, tags: [{ key: 'env', value: 'dev' }] }));
    assert.equal((await sfn.send(new ListTagsForResourceCommand({ resourceArn: stateMachineArn }))).tags, [
      { key: 'env', value: 'dev' },
      { key: 'team', value: 'orders' },
    ]);
    await sfn.send(new UntagResourceCommand({ resourceArn: stateMachineArn, tagKeys: ['team'] }));
    assert.equal((await sfn.send(new ListTagsForResourceCommand({ resourceArn: stateMachineArn }))).tags, [{ key: 'env', value: 'dev' }]);
    const missing = await sdkError(sfn.send(new ListTagsForResourceCommand({ resourceArn: `${PREFIX}:stateMachine:nope` })));
    assert.is(missing.name, 'ResourceNotFound');
  }),
);

s.run();
