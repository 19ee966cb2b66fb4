export interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
}
export declare const WEAPP_DIST: string;
export declare function readAppJson(dist?: string): AppJson;
export declare function subpackagesOf(app: AppJson): { root: string; pages: string[] }[];
export declare function weappPackageSizes(dist?: string): {
  mainBytes: number;
  subpackages: Record<string, number>;
  mainFiles: { path: string; size: number }[];
};
