// Small networks beside the linear model, one set per view: the four harmful-language labels on the
// writer's view, crisis on every sentence. A set is a few one-hidden-layer networks (16 rectified units each,
// trained with different seeds by scripts/learn.ts), shared by its labels, over the same features as the
// linear model. A label's probability is the mean of the
// networks', and the model's probability for the label is the mean of that and the linear one
// (documentProbabilities in linear.ts): on new writers the average ranks better than either alone
// (README, Method item 5b). Each feature's row of hidden weights is stored as bytes with one scale per row,
// aligned to the rows of the linear model's table, so a document's distinct rows are read once for both.
import type { Label } from '@bedrock/shared';

/** The networks as training writes them: features by name, weights as floats. */
export interface TrainedNetwork {
  /** Networks, each with `hidden` units. */
  nets: number;
  hidden: number;
  labels: Label[];
  features: string[];
  /** features.length × (nets × hidden): a feature's weights into every hidden unit of every network. */
  embed: Float64Array;
  /** nets × hidden. */
  hiddenBias: Float64Array;
  /** nets × labels × hidden. */
  out: Float64Array;
  /** nets × labels. */
  outBias: Float64Array;
}

/** The networks as scoring reads them, aligned to one linear model's rows. */
export interface Network {
  nets: number;
  hidden: number;
  labels: Label[];
  /** The linear model's column of each network label. */
  columns: Int32Array;
  /** The network row of each linear row, or −1 (a feature the networks do not read). */
  rowOf: Int32Array;
  /** Per network row: its weights are values × scale. */
  scale: Float32Array;
  values: Int8Array;
  hiddenBias: Float64Array;
  out: Float64Array;
  outBias: Float64Array;
}

/** The networks' rows for the features of a linear model's table (`index`, `labels`), quantized to a byte
 * per weight with a scale per row (what is written out, so cross-validation scores what ships). */
export function alignNetwork(
  trained: TrainedNetwork,
  index: ReadonlyMap<string, number>,
  labels: readonly Label[],
): Network {
  const width = trained.nets * trained.hidden;
  const rowOf = new Int32Array(index.size).fill(-1);
  const source: number[] = [];
  trained.features.forEach((f, i) => {
    const row = index.get(f);
    if (row !== undefined) source.push(i);
  });
  // Network rows in the order of the linear rows, so the file can mark them with one bit per linear row.
  const linearRow = (i: number): number => index.get(trained.features[i] as string) as number;
  source.sort((a, b) => linearRow(a) - linearRow(b));
  const scale = new Float32Array(source.length);
  const values = new Int8Array(source.length * width);
  source.forEach((i, r) => {
    rowOf[linearRow(i)] = r;
    let max = 0;
    for (let k = 0; k < width; k++) max = Math.max(max, Math.abs(trained.embed[i * width + k] as number));
    const s = Math.fround(max / 127);
    scale[r] = s;
    for (let k = 0; k < width; k++) {
      values[r * width + k] = s === 0 ? 0 : Math.round((trained.embed[i * width + k] as number) / s);
    }
  });
  const { features: _, embed: __, ...shared } = trained;
  return withColumns({ ...shared, rowOf, scale, values }, labels);
}

/** The networks with each of their labels' column in a linear model of `labels`. */
function withColumns(net: Omit<Network, 'columns'>, labels: readonly Label[]): Network {
  return { ...net, columns: Int32Array.from(net.labels, (label) => labels.indexOf(label)) };
}

/** Hidden sums of one document, added row by row (`add`), then read as probabilities (`blend`). */
export class NetworkSums {
  readonly #net: Network;
  readonly #sums: Float64Array;
  constructor(net: Network) {
    this.#net = net;
    this.#sums = Float64Array.from(net.hiddenBias);
  }

  /** Adds a linear row's features (a row the networks do not read adds nothing). */
  add(linearRow: number): void {
    const r = this.#net.rowOf[linearRow] as number;
    if (r < 0) return;
    const { values } = this.#net;
    const s = this.#net.scale[r] as number;
    const width = this.#sums.length;
    const base = r * width;
    for (let k = 0; k < width; k++) this.#sums[k] = (this.#sums[k] as number) + (values[base + k] as number) * s;
  }

  /** Replaces each network label's linear probability in `p` by the mean of it and the networks'. */
  blend(p: Float64Array): void {
    const { nets, hidden, labels, columns, out, outBias } = this.#net;
    const sums = this.#sums;
    labels.forEach((_, l) => {
      let mean = 0;
      for (let n = 0; n < nets; n++) {
        let z = outBias[n * labels.length + l] as number;
        const o = (n * labels.length + l) * hidden;
        for (let h = 0; h < hidden; h++) {
          const a = sums[n * hidden + h] as number;
          if (a > 0) z += (out[o + h] as number) * a;
        }
        mean += 1 / (1 + Math.exp(-z)) / nets;
      }
      const c = columns[l] as number;
      if (c >= 0) p[c] = ((p[c] as number) + mean) / 2;
    });
  }
}

// The file: a little-endian uint32 with the length of a JSON header (sizes, labels, biases and output
// weights), the header, one bit per linear row (set: the row has a network row, in order), a float32 scale
// per network row, then a signed byte per weight. network.bin holds the sets one after another
// (serializeNetworks).
interface Header {
  nets: number;
  hidden: number;
  labels: Label[];
  linearRows: number;
  rows: number;
  hiddenBias: number[];
  out: number[];
  outBias: number[];
}

export function serializeNetwork(net: Network): Buffer {
  const header: Header = {
    nets: net.nets,
    hidden: net.hidden,
    labels: net.labels,
    linearRows: net.rowOf.length,
    rows: net.scale.length,
    hiddenBias: Array.from(net.hiddenBias),
    out: Array.from(net.out),
    outBias: Array.from(net.outBias),
  };
  const json = Buffer.from(JSON.stringify(header));
  const bits = Buffer.alloc(Math.ceil(net.rowOf.length / 8));
  net.rowOf.forEach((r, row) => {
    if (r >= 0) bits[row >> 3] = (bits[row >> 3] as number) | (1 << (row & 7));
  });
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const scales = Buffer.alloc(net.scale.length * 4);
  net.scale.forEach((s, i) => {
    scales.writeFloatLE(s, i * 4);
  });
  return Buffer.concat([
    length,
    json,
    bits,
    scales,
    Buffer.from(net.values.buffer, net.values.byteOffset, net.values.length),
  ]);
}

/** Several networks in one file, one after another. */
export function serializeNetworks(nets: readonly Network[]): Buffer {
  return Buffer.concat(nets.map(serializeNetwork));
}

/** The networks of a file written by serializeNetworks, in order. */
export function deserializeNetworks(file: Buffer, labels: readonly Label[]): Network[] {
  const nets: Network[] = [];
  for (let at = 0; at < file.length; ) {
    const read = readNetwork(file, at, labels);
    nets.push(read.net);
    at = read.end;
  }
  return nets;
}

export function deserializeNetwork(file: Buffer, labels: readonly Label[]): Network {
  const { net, end } = readNetwork(file, 0, labels);
  if (end !== file.length) throw new Error('network file: bytes after the network');
  return net;
}

/** The network written at `start`, and where its bytes end. */
function readNetwork(file: Buffer, start: number, labels: readonly Label[]): { net: Network; end: number } {
  if (file.length < start + 4) throw new Error('network file: the header is cut short');
  const size = file.readUInt32LE(start);
  if (file.length < start + 4 + size) throw new Error('network file: the header is cut short');
  const header = JSON.parse(file.subarray(start + 4, start + 4 + size).toString('utf8')) as Header;
  let at = start + 4 + size;
  const rowOf = new Int32Array(header.linearRows).fill(-1);
  let next = 0;
  for (let row = 0; row < header.linearRows; row++) {
    if (((file[at + (row >> 3)] as number) >> (row & 7)) & 1) rowOf[row] = next++;
  }
  if (next !== header.rows) throw new Error(`network file: ${next} rows marked, the header says ${header.rows}`);
  at += Math.ceil(header.linearRows / 8);
  const scale = new Float32Array(header.rows);
  const width = header.nets * header.hidden;
  const end = at + header.rows * 4 + header.rows * width;
  if (file.length < end) throw new Error('network file: the weights are cut short');
  for (let r = 0; r < header.rows; r++) scale[r] = file.readFloatLE(at + r * 4);
  at += header.rows * 4;
  // A view of the file's bytes, not a copy: the load's peak memory would hold both.
  const values = new Int8Array(file.buffer, file.byteOffset + at, header.rows * width);
  const { nets, hidden, labels: netLabels } = header;
  const hiddenBias = Float64Array.from(header.hiddenBias);
  const out = Float64Array.from(header.out);
  const outBias = Float64Array.from(header.outBias);
  const net = withColumns({ nets, hidden, labels: netLabels, rowOf, scale, values, hiddenBias, out, outBias }, labels);
  return { net, end };
}
