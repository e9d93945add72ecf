import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CutHan } from '../../../../shared/rules/classify';

/**
 * Chinese word segmentation for the bot: jieba (`@node-rs/jieba`, a prebuilt N-API binary, offline dictionary).
 * Intl.Segmenter cuts 视频上传 into 视频|上|传, jieba into 视频|上传, which is what the classifier and the FAQ match
 * need. Loading the dictionary takes ~0.5 s, so it happens once per process, on the bot's first message, not at
 * start-up. Loaded with require: the package is CommonJS without an exports map (`/dict` needs its file name in ESM).
 */
interface JiebaLike {
  cut(sentence: string, hmm?: boolean): string[];
}

let jieba: JiebaLike | null = null;

function load(): JiebaLike {
  const require = createRequire(import.meta.url);
  const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): JiebaLike } };
  // The dictionary file read here, not through the package's `dict` module: that module also reads the 6 MB IDF
  // table (keyword extraction, unused) and keeps both buffers in its exports for the life of the process, ~11 MB
  // held for nothing once jieba has built its own tables from the bytes.
  return Jieba.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
}

/** Segments one run of Han characters (HMM on, so words missing from the dictionary still come out whole). */
export const cutHan: CutHan = (run) => (jieba ??= load()).cut(run, true);
