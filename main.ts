// Wiring only: the app, one EventStack per declared event (or the one the CLI names), synth.
import { synthEventApp } from './stacks/event-app';

synthEventApp();
