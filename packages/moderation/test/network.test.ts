import { describe, expect, it } from 'vitest';
import { Analysis } from '../src/classify.ts';
import { compile, MODEL, probabilities, withNetworks } from '../src/model/linear.ts';
import {
  alignNetwork,
  deserializeNetwork,
  deserializeNetworks,
  serializeNetwork,
  serializeNetworks,
  type TrainedNetwork,
} from '../src/model/network.ts';
import { featuresOf, ModelViews, scoreSentences } from '../src/model/views.ts';

const linear = compile({
  blame_shifting: { bias: -2, threshold: 0.25, weights: { 'your weight': 1.5, you: 0.25 } },
  crisis: { bias: -3.5, threshold: 0.2, weights: { pills: 2.125, you: -0.5 } },
});

// Two networks of two hidden units for blame: "your weight" drives unit 0 of the first network and unit 1
// of the second, "you" pushes unit 0 of the first down; "pills" is a linear feature the networks do not read.
// Each row's weights are whole steps of its largest / 127, so the bytes hold them exactly.
const trained: TrainedNetwork = {
  nets: 2,
  hidden: 2,
  labels: ['blame_shifting'],
  features: ['you', 'your weight', 'not in the linear table'],
  // per feature: net 0 (unit 0, unit 1), net 1 (unit 0, unit 1)
  embed: Float64Array.from([-1.27, 0, 0, 0.5, 1.27, 0, 0, 0.64, 9, 9, 9, 9]),
  hiddenBias: Float64Array.from([0.1, 0, 0, 0]),
  out: Float64Array.from([2, -1, 0.5, 1.5]),
  outBias: Float64Array.from([-1, -0.5]),
};
// One network of one unit for crisis, which "pills" drives.
const crisisTrained: TrainedNetwork = {
  nets: 1,
  hidden: 1,
  labels: ['crisis'],
  features: ['pills'],
  embed: Float64Array.from([1.27]),
  hiddenBias: Float64Array.from([0]),
  out: Float64Array.from([2]),
  outBias: Float64Array.from([-1]),
};
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The networks' probability for blame, by hand, from the rows' hidden sums. */
function byHand(you: boolean, weight: boolean): number {
  const relu = (v: number): number => Math.max(0, v);
  const a0 = relu(0.1 + (you ? -1.27 : 0) + (weight ? 1.27 : 0));
  const b1 = relu((you ? 0.5 : 0) + (weight ? 0.64 : 0));
  return (sigmoid(-1 + 2 * a0) + sigmoid(-0.5 + 1.5 * b1)) / 2;
}

describe('the networks beside the linear model', () => {
  const blameNet = alignNetwork(trained, linear.index, linear.labels);
  const crisisNet = alignNetwork(crisisTrained, linear.index, linear.labels);
  const model = withNetworks(linear, [blameNet]);

  it('average the networks’ probability with the linear one for their labels and leave crisis linear', () => {
    const [blame, crisis] = probabilities(model, ['you', 'your weight', 'pills']);
    const [linearBlame, linearCrisis] = probabilities(linear, ['you', 'your weight', 'pills']);
    expect(blame).toBeCloseTo(((linearBlame as number) + byHand(true, true)) / 2, 6);
    expect(crisis).toBe(linearCrisis);
  });

  it('are run on the writer’s own view and not on the crisis view, which only crisis reads', () => {
    const views = new ModelViews(new Analysis('It is your weight, you know. I took the pills.'));
    const sentences = views.view('all').sentences;
    const all = views.scores('all', model);
    const withNetworks = scoreSentences(model, sentences);
    expect([...all]).toEqual([...probabilities(linear, featuresOf(views.view('all')))]);
    expect(all[1]).toBe(withNetworks[1]);
    expect(Math.abs((all[0] as number) - (withNetworks[0] as number))).toBeGreaterThan(0.01);
    // The two views hold the same sentences here: the own view's blame is the networks' mean.
    expect(views.scores('own', model)[0]).toBe(withNetworks[0]);
  });

  it('each score their labels on the view those labels read: blame on her own sentences, crisis on every one', () => {
    const both = withNetworks(linear, [blameNet, crisisNet]);
    const feats = ['you', 'your weight', 'pills'];
    const [linearBlame, linearCrisis] = probabilities(linear, feats);
    const [blame, crisis] = probabilities(both, feats);
    expect(blame).toBeCloseTo(((linearBlame as number) + byHand(true, true)) / 2, 6);
    expect(crisis).toBeCloseTo(((linearCrisis as number) + sigmoid(-1 + 2 * 1.27)) / 2, 6);
    const views = new ModelViews(new Analysis('It is your weight, you know. I took the pills.'));
    const [, crisisAll] = views.scores('all', both);
    const [blameOwn] = views.scores('own', both);
    const sentences = views.view('all').sentences;
    expect(crisisAll).toBe(scoreSentences(both, sentences)[1]);
    expect(crisisAll).not.toBe(scoreSentences(linear, sentences)[1]);
    expect(blameOwn).toBe(scoreSentences(both, views.view('own').sentences)[0]);
  });

  it('read each feature of a document once, and nothing for a feature outside the linear table', () => {
    const [blame] = probabilities(model, ['your weight', 'your weight']);
    const [linearBlame] = probabilities(linear, ['your weight']);
    expect(blame).toBeCloseTo(((linearBlame as number) + byHand(false, true)) / 2, 6);
    expect(blameNet.scale.length).toBe(2);
    expect([...probabilities(model, ['not in the linear table'])]).toEqual([...probabilities(model, [])]);
  });

  it('keep a byte per weight with a scale per row, within half a step of the trained weight', () => {
    const uneven = { ...trained, embed: Float64Array.from([0.3, -0.1, 0.05, 0.011, 1, 2, 3, 4, 0, 0, 0, 0]) };
    const net = alignNetwork(uneven, linear.index, linear.labels);
    const r = net.rowOf[linear.index.get('you') as number] as number;
    const scale = net.scale[r] as number;
    expect(scale).toBeCloseTo(0.3 / 127, 7);
    const got = Array.from(net.values.subarray(r * 4, r * 4 + 4), (v) => v * scale);
    [0.3, -0.1, 0.05, 0.011].forEach((w, k) => {
      expect(Math.abs((got[k] as number) - w)).toBeLessThanOrEqual(scale / 2 + 1e-9);
    });
  });

  it('write and read the file of both networks without changing a score or a byte', () => {
    const both = withNetworks(linear, [blameNet, crisisNet]);
    const file = serializeNetworks([blameNet, crisisNet]);
    const read = withNetworks(linear, deserializeNetworks(file, linear.labels));
    expect(read.networks?.map((net) => net.labels)).toEqual([['blame_shifting'], ['crisis']]);
    for (const feats of [['you'], ['your weight'], ['you', 'your weight', 'pills'], ['pills'], []]) {
      expect([...probabilities(read, feats)]).toEqual([...probabilities(both, feats)]);
    }
    expect(serializeNetworks(read.networks ?? []).equals(file)).toBe(true);
    expect(
      serializeNetwork(deserializeNetwork(serializeNetwork(blameNet), linear.labels)).equals(
        serializeNetwork(blameNet),
      ),
    ).toBe(true);
  });

  it('refuse a file cut short and networks aligned to another table', () => {
    const file = serializeNetworks([blameNet, crisisNet]);
    for (const cut of [1, 5, file.length - serializeNetwork(blameNet).length - 2]) {
      expect(() => deserializeNetworks(file.subarray(0, file.length - cut), linear.labels)).toThrow(/cut short/);
    }
    expect(() => deserializeNetwork(file, linear.labels)).toThrow(/bytes after the network/);
    const other = compile({ crisis: { bias: 0, threshold: 0.5, weights: { a: 1 } } });
    expect(() => withNetworks(other, [blameNet])).toThrow(/aligned to 3 rows/);
  });

  it('are in the committed model, for the four harmful-language labels and crisis, aligned to its table', () => {
    const nets = MODEL.networks ?? [];
    expect(nets.map((net) => net.labels)).toEqual([
      ['blame_shifting', 'codependency_label', 'minimizing', 'invalidating'],
      ['crisis'],
    ]);
    for (const net of nets) {
      expect(net.rowOf.length).toBe(MODEL.index.size);
      expect(net.columns.every((c) => c >= 0)).toBe(true);
      expect(net.scale.length).toBeGreaterThan(50_000);
    }
  });
});
