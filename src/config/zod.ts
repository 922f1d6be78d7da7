import {z} from 'zod';

// Every schema of huibian speaks Chinese where its own messages do not cover a case.
z.config(z.locales.zhCN());

export {z};
