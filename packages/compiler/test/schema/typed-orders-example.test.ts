// Runs the typed-orders example's test (examples/ is not under packages/*/test).
import '../../../../examples/typed-orders/typed-orders.test.js';
