# Copy to /tmp/i23e/env.sh (or point CORPUS_EDIT_ENV at it) and adjust: the repository, AngleSharp for the compiler, the package's props.
ROOT=/work/wt-edit
ANG=/root/.nuget/packages/anglesharp/1.10.3/lib/netstandard2.0/AngleSharp.dll
PROPS=/tmp/i23e/props/Corpus.Generator.props
