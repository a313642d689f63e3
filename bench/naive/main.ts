// The naive variant, kept only as the benchmark's baseline: the same app run the way a
// default cdktf TypeScript project runs it, ts-node type-checking every file, with the azurerm
// provider imported through its package root (all ~1,100 resource classes and their types).
// Never copy this pattern into the app; the deep-import rule in eslint.config.mjs forbids it.
import azurerm = require('@cdktf/provider-azurerm');
import { synthEventApp } from '../../stacks/event-app';

if (typeof azurerm.provider !== 'object') throw new Error('provider barrel did not load');
synthEventApp();
