// The suites, in the order they run. Each file registers one top-level `describe`.
import './activation.test';
import './hover.test';
import './topics.test';
import './decorations.test';
import './sidecar.test';
import './anchoring.test';
import './corrections.test';
import './decisions.test';
import './hostile.test';
import './long.test';
import './knowledge.test';
