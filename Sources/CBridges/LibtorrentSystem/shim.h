// Carries libtorrent-rasterbar's pkg-config flags (ABI defines, link line) to the
// C++ shim in CTorrent. libtorrent is C++ only, so nothing is imported from here.
