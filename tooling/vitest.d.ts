import type { UserConfig } from 'vitest/config';

export declare function testPreset(label: string, overrides?: UserConfig): UserConfig;
