// Brings cdktf's jest matcher types (registered at run time by setup-cdktf.js) into scope.
import 'cdktf/lib/testing/adapters/jest';
