import { x } from '@billing/money';
import { y } from './other.js';
console.log(x, y);
