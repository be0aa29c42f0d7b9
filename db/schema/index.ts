export * from './enums';
export * from './users';
export * from './shelters';
export * from './stays';
export * from './audit';
export * from './occupancy';
export * from './requests';
