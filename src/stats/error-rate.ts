/** The error rate's exact interval lives with the other formulas in stats/ (robustness and logs use it too). */
export { clopperPearson, type ProportionInterval } from './clopper-pearson.js';
