// Placeholder until the first trained model is written by `npm run train:ner`.
export const NER_MODEL = '';
