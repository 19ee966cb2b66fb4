import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { FilesService } from '../src/files/files.service';
import { aCandidate, as, databaseTargets, SAMPLE_FILES, startServer, uploadFile, type TestServer } from './harness';
import { LOCAL_S3_BUCKET, startLocalS3, type LocalS3 } from './local-s3';

const NOW = new Date('2026-03-10T02:00:00Z');

describe.each(databaseTargets())('uploads kept in an S3-compatible store, on $name', (target) => {
  let s3: LocalS3;
  let server: TestServer;
  let bucket: S3Client;
  const object = (id: string) => ({ Bucket: LOCAL_S3_BUCKET, Key: `uploads/${id}` });

  beforeAll(async () => {
    s3 = await startLocalS3();
    server = await startServer(target, NOW, s3.env);
    bucket = new S3Client({
      endpoint: s3.env.S3_ENDPOINT,
      region: s3.env.S3_REGION,
      forcePathStyle: true,
      credentials: { accessKeyId: s3.env.S3_ACCESS_KEY_ID!, secretAccessKey: s3.env.S3_SECRET_ACCESS_KEY! },
    });
  });

  afterAll(async () => {
    bucket.destroy();
    await server.close();
    await s3.stop();
  });

  it("stores an applicant's proof sealed in the bucket and gives it back, whole, to those allowed to read it", async () => {
    const chen = await aCandidate(server, 's3-chen');
    const applied = await as(server, chen.token)
      .post('/api/applications', {
        planId: 'shanghai-2026',
        level: 4,
        facts: { birthDate: '2008-09-01', diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] },
        ...chen.proof,
      })
      .expect(201);
    const proof = applied.body.materials.find((m: { materialId: string }) => m.materialId === 'eligibility-proof').files[0];

    // In the bucket: the bytes as sealed at rest, never the document itself.
    const stored = Buffer.from(await (await bucket.send(new GetObjectCommand(object(proof.id)))).Body!.transformToByteArray());
    expect(stored.length).toBeGreaterThan(SAMPLE_FILES.pdf.length);
    expect(stored.includes(Buffer.from('%PDF'))).toBe(false);

    // Through the server: exactly what was uploaded, to its owner.
    const served = await as(server, chen.token).get(`/api/files/${proof.id}`).responseType('blob').expect(200);
    expect(Buffer.compare(served.body as Buffer, SAMPLE_FILES.pdf)).toBe(0);
    // Another candidate learns nothing of it.
    const other = await aCandidate(server, 's3-other');
    await as(server, other.token).get(`/api/files/${proof.id}`).expect(404);
  });

  it('removes from the bucket an upload no application took within a day', async () => {
    const wang = await aCandidate(server, 's3-wang');
    const stray = await uploadFile(server, wang.token, 'png');
    await bucket.send(new HeadObjectCommand(object(stray)));
    server.clock.set(new Date(NOW.getTime() + 25 * 3_600_000));
    try {
      expect(await server.app.get(FilesService).removeUnattached()).toBeGreaterThanOrEqual(1);
    } finally {
      server.clock.set(NOW);
    }
    await expect(bucket.send(new HeadObjectCommand(object(stray)))).rejects.toMatchObject({ name: 'NotFound' });
  });
});
