// What the page knows, shared by its modules.
export const TOKEN_KEY = 'stream-control-token';
export const TOKEN_HEADER = 'X-Stream-Control-Token';

export const state = {
  token: null,
  catalog: { environments: [], events: [] },
  languages: [],
  resolved: null,
  resolveProblems: null, // why the typed name is not an event, field by field
  envTouched: false,
  watching: null, // { id, lastSeq, controller, done }
};
