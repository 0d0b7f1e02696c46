# The browser CMS at /admin/ (src/cms/): getting Decap CMS's script.
cms-script-unreadable = cannot read the CMS script's tarball (Decap CMS) `{ $path }`: { $error }
cms-script-download = cannot download the CMS script (Decap CMS) from { $url }: { $error }
cms-script-checksum = `{ $path }` is not Decap CMS { $version } as published (its checksum is { $found }); it is not used for the CMS
cms-script-checksum-download = what { $url } sent is not Decap CMS { $version } as published (its checksum is { $found }); it is not used for the CMS
cms-script-damaged = `{ $path }` does not hold the CMS script: { $error }
cms-script-label = /admin/ needs the Decap CMS script
cms-script-given-help = the environment variable { $variable } names this file; fetch the right one with `{ $pack }` and set { $variable } to the .tgz it writes, or unset the variable to let bantin download it
cms-script-cache-help = delete { $path } and build again: bantin downloads the right one from the npm registry
cms-script-download-help = the network is needed once: bantin keeps the download in the site's { $folder }/ folder; on a machine without a network, fetch it elsewhere with `{ $pack }` and set the environment variable { $variable } to that .tgz; restart `bantin serve` once the network is back
