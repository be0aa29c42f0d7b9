/**
 * The keys of occupancy_days' `scope` column: the network's own rows; a shelter's rows carry its id,
 * a city's `city <id>`. A module of its own so that the roll-up and the modules it calls share it
 * without importing one another.
 */
export const NETWORK_SCOPE = 'network';
