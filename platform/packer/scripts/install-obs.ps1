# Installs OBS Studio and the stream-control settings baseline on the image build VM.
# Runs as the Packer provisioner (elevated); every failure stops the build with exit code 1,
# so a half-installed image is never published.
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12

$version = $env:OBS_VERSION
if (-not $version) { throw 'OBS_VERSION is not set' }
$work = 'C:\Windows\Temp\stream-control'
New-Item -ItemType Directory -Force -Path $work | Out-Null

function Get-File([string]$Uri, [string]$OutFile) {
  for ($attempt = 1; $attempt -le 5; $attempt++) {
    try { Invoke-WebRequest -Uri $Uri -OutFile $OutFile -UseBasicParsing; return }
    catch { if ($attempt -eq 5) { throw }; Start-Sleep -Seconds (5 * $attempt) }
  }
}

# OBS needs the Visual C++ runtime; Windows Server does not ship it.
$vcredist = Join-Path $work 'vc_redist.x64.exe'
Get-File 'https://aka.ms/vs/17/release/vc_redist.x64.exe' $vcredist
$p = Start-Process -FilePath $vcredist -ArgumentList '/install', '/quiet', '/norestart' -Wait -PassThru
# 3010: installed, reboot pending; the next provisioner restarts the VM.
if ($p.ExitCode -notin 0, 1638, 3010) { throw "vc_redist exited with $($p.ExitCode)" }

# Release asset names have changed between OBS versions; OBS_INSTALLER_URL pins another one.
$url = $env:OBS_INSTALLER_URL
if (-not $url) {
  $url = "https://github.com/obsproject/obs-studio/releases/download/$version/OBS-Studio-$version-Windows-x64-Installer.exe"
}
$installer = Join-Path $work 'obs-installer.exe'
Get-File $url $installer
if ($env:OBS_INSTALLER_SHA256) {
  $actual = (Get-FileHash -Algorithm SHA256 $installer).Hash
  if ($actual -ne $env:OBS_INSTALLER_SHA256.ToUpper()) {
    throw "OBS installer hash $actual does not match OBS_INSTALLER_SHA256"
  }
}
$p = Start-Process -FilePath $installer -ArgumentList '/S' -Wait -PassThru
if ($p.ExitCode -ne 0) { throw "OBS installer exited with $($p.ExitCode)" }

# Settings baseline for every future user: the mixer's admin account is created after
# generalization, so the profile must come from the Default user.
$baseline = 'C:\ProgramData\stream-control\obs-baseline'
$target = 'C:\Users\Default\AppData\Roaming\obs-studio'
New-Item -ItemType Directory -Force -Path $target | Out-Null
Copy-Item -Path (Join-Path $baseline '*') -Destination $target -Recurse -Force

# A stream must not stop for an update prompt or a sleeping screen.
powercfg /setactive 8c5e7fda-e8bf-4a96-9a85-a6e23a8c635c
powercfg /change monitor-timeout-ac 0
Set-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\ServerManager' -Name 'DoNotOpenServerManagerAtLogon' -Value 1

# The event's configure script (LanguageMixer) skips the install when it finds this file.
$marker = @{ obsVersion = $version; builtAt = (Get-Date).ToUniversalTime().ToString('o') }
$marker | ConvertTo-Json | Set-Content -Path 'C:\ProgramData\stream-control\image.json' -Encoding UTF8

Remove-Item -Recurse -Force $work
Write-Output "OBS $version installed with the stream-control baseline"
