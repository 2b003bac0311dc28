// The APIs this port speaks and the version ranges it advertises through ApiVersions: the
// non-flexible versions (no tagged fields) that kafkajs 2.x, librdkafka and aiokafka negotiate down to.
export const ApiKey = {
  Produce: 0,
  Fetch: 1,
  ListOffsets: 2,
  Metadata: 3,
  OffsetCommit: 8,
  OffsetFetch: 9,
  FindCoordinator: 10,
  JoinGroup: 11,
  Heartbeat: 12,
  LeaveGroup: 13,
  SyncGroup: 14,
  DescribeGroups: 15,
  ListGroups: 16,
  ApiVersions: 18,
  CreateTopics: 19,
  InitProducerId: 22,
} as const;

/** [apiKey, minVersion, maxVersion] */
export const SUPPORTED: readonly (readonly [number, number, number])[] = [
  [ApiKey.Produce, 3, 8],
  [ApiKey.Fetch, 4, 11],
  [ApiKey.ListOffsets, 0, 5],
  [ApiKey.Metadata, 0, 8],
  [ApiKey.OffsetCommit, 0, 7],
  [ApiKey.OffsetFetch, 0, 5],
  [ApiKey.FindCoordinator, 0, 2],
  [ApiKey.JoinGroup, 0, 5],
  [ApiKey.Heartbeat, 0, 3],
  [ApiKey.LeaveGroup, 0, 3],
  [ApiKey.SyncGroup, 0, 3],
  [ApiKey.DescribeGroups, 0, 4],
  [ApiKey.ListGroups, 0, 2],
  [ApiKey.ApiVersions, 0, 2],
  [ApiKey.CreateTopics, 0, 4],
  [ApiKey.InitProducerId, 0, 1],
];

const RANGES = new Map(SUPPORTED.map(([k, min, max]) => [k, [min, max] as const]));

export function isSupported(apiKey: number, version: number): boolean {
  const r = RANGES.get(apiKey);
  return r !== undefined && version >= r[0] && version <= r[1];
}
