# Fails the build when OBS or the baseline is missing after the restart, before anything is
# generalized and published.
$ErrorActionPreference = 'Stop'
$obs = 'C:\Program Files\obs-studio\bin\64bit\obs64.exe'
if (-not (Test-Path $obs)) { throw "OBS is not installed at $obs" }
foreach ($file in 'global.ini', 'basic\profiles\stream-control\basic.ini') {
  $path = Join-Path 'C:\Users\Default\AppData\Roaming\obs-studio' $file
  if (-not (Test-Path $path)) { throw "OBS baseline file $path is missing" }
}
if (-not (Test-Path 'C:\ProgramData\stream-control\image.json')) { throw 'image marker missing' }
Write-Output "verified $((Get-Item $obs).VersionInfo.ProductVersion)"
